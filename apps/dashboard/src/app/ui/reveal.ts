/** Space kept between a revealed card and the edge of what scrolls (its focus ring and shadow show). */
const MARGIN = 12;

/**
 * Takes the user to something that just appeared, such as the card with a new link or token: focus
 * goes to `focusTarget` (its heading, so a screen reader announces it) and, unless the whole
 * `container` is already on screen, the page scrolls to put its top in view. On a phone the card
 * appears below the form, off screen: focusing the heading alone would scroll only until that one
 * line peeks in at the bottom.
 *
 * Only the page's own scroll box moves (not `scrollIntoView`, which also nudges the fixed shell and
 * pushes the header off screen when the card is taller than the screen).
 */
export function focusAndReveal(focusTarget: HTMLElement, container: HTMLElement): void {
  focusTarget.focus({ preventScroll: true });
  const scroller = scrollParent(container);
  if (!scroller) return;
  const box = container.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (box.top >= view.top + MARGIN && box.bottom <= view.bottom - MARGIN) return;
  const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  scroller.scrollTo?.({ top: scroller.scrollTop + box.top - view.top - MARGIN, behavior: reducedMotion ? 'auto' : 'smooth' });
}

function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const overflow = getComputedStyle(parent).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && parent.scrollHeight > parent.clientHeight) return parent;
  }
  return null;
}
