// Layout shell: a header and one view per feature. Feature code lives under its own folder.
export function App() {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white px-6 py-3">
        <h1 className="text-lg font-semibold">sched_ext kick pseqs: per-CPU arrays, RCU and the races</h1>
      </header>
      <main className="p-6">Loading…</main>
    </div>
  );
}
