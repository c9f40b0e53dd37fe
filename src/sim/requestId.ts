// One counter for every worker request whose reply a slice checks ("latest wins"): queries, forks and
// searches. Ids are unique across all of them, so two kinds of request that report into one slice (a
// query's run and a fork both land in raceRun) can never carry the same id.

let last = 0;

/** A fresh request id: positive (slices use 0 for "no request yet") and larger than every earlier one. */
export function nextRequestId(): number {
  last += 1;
  return last;
}
