// Keyboard for the races view: ← / → step, Space plays or pauses, Home / End go to the first and last
// step. Ignored while focus is in a text field or select, on the scrubber (it has its own keys), or
// when a widget already handled the key (the CPU grid, the view tabs).
import { useEffect } from 'react';
import { useAppStore } from '../state/store.ts';

const TEXT_INPUT_TYPES = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password', 'range']);

function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    if (TEXT_INPUT_TYPES.has(type)) return true;
    return key === ' '; // checkboxes toggle on Space
  }
  // Buttons and disclosures activate on Space.
  return key === ' ' && (tag === 'BUTTON' || tag === 'SUMMARY' || target.getAttribute('role') === 'button');
}

export function useRaceKeyboard(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (!['ArrowLeft', 'ArrowRight', ' ', 'Home', 'End'].includes(e.key)) return;
      if (ownsKey(e.target, e.key)) return;
      const s = useAppStore.getState();
      if (!s.raceRun.data) return;
      e.preventDefault();
      switch (e.key) {
        case 'ArrowLeft':
          s.setRacePlaying(false);
          s.stepRaceBy(-1);
          break;
        case 'ArrowRight':
          s.setRacePlaying(false);
          s.stepRaceBy(1);
          break;
        case ' ':
          s.toggleRacePlaying();
          break;
        case 'Home':
          s.setRaceStep(0);
          break;
        case 'End':
          s.setRaceStep(s.raceRun.data.result.steps);
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
