import { focusAndReveal } from './reveal';

describe('focusAndReveal', () => {
  let page: HTMLElement;
  let card: HTMLElement;
  let heading: HTMLElement;

  /** A page scrolled to `scrollTop`, showing y 100–800 of the screen, with a card at `cardTop` (screen y). */
  function layout(scrollTop: number, cardTop: number, cardHeight: number): void {
    page = document.createElement('div');
    page.style.overflowY = 'auto';
    Object.defineProperties(page, { scrollHeight: { value: 3000 }, clientHeight: { value: 700 } });
    page.scrollTop = scrollTop;
    page.getBoundingClientRect = () => ({ top: 100, bottom: 800, height: 700 }) as DOMRect;
    page.scrollTo = jest.fn() as typeof page.scrollTo;
    card = document.createElement('section');
    card.getBoundingClientRect = () => ({ top: cardTop, bottom: cardTop + cardHeight, height: cardHeight }) as DOMRect;
    heading = document.createElement('h2');
    heading.tabIndex = -1;
    card.append(heading);
    page.append(card);
    document.body.append(page);
  }

  afterEach(() => page.remove());

  it('focuses the heading and scrolls the page so the card below the fold starts at the top', () => {
    layout(40, 900, 500);
    const focus = jest.spyOn(heading, 'focus');

    focusAndReveal(heading, card);

    expect(document.activeElement).toBe(heading);
    expect(focus).toHaveBeenCalledWith({ preventScroll: true });
    // 900 on screen is 800 below the page's top edge (100), minus the margin, from where it was scrolled
    expect(page.scrollTo).toHaveBeenCalledWith({ top: 40 + 800 - 12, behavior: 'smooth' });
  });

  it('does not move a card that is on screen already (wide screens: beside the form)', () => {
    layout(0, 150, 400);
    focusAndReveal(heading, card);
    expect(document.activeElement).toBe(heading);
    expect(page.scrollTo).not.toHaveBeenCalled();
  });
});
