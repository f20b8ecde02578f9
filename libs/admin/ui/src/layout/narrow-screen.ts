import { BreakpointObserver } from '@angular/cdk/layout';
import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** Phones and narrow windows: below this the shell folds into a menu and tables compact. */
export const NARROW_SCREEN = '(max-width: 599.98px)';

/** True while the window is narrower than 600 px; follows resizes and rotations. */
export function injectNarrowScreen(): Signal<boolean> {
  const breakpoints = inject(BreakpointObserver);
  return toSignal(breakpoints.observe(NARROW_SCREEN).pipe(map((state) => state.matches)), {
    initialValue: breakpoints.isMatched(NARROW_SCREEN),
  });
}
