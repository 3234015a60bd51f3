import { h } from '../dom.ts';
import type { Screen } from '../screen-host.ts';
import { strings } from '../strings.ts';

/** While the first connection is being made. */
export function connectingScreen(): Screen {
  const heading = h('h1', { tabindex: '-1' }, strings.joining);
  return { name: 'connecting', element: h('section', { class: 'screen connecting-screen', 'aria-busy': 'true' }, heading), focusTarget: heading };
}

/** The server no longer knows the code this phone joined with (the talk ended or restarted fresh). */
export function endedScreen(joinCode: string): Screen {
  const heading = h('h1', { tabindex: '-1' }, strings.endedHeading);
  return {
    name: 'ended',
    element: h(
      'section',
      { class: 'screen ended-screen' },
      heading,
      h('p', {}, strings.endedText(joinCode)),
      h('a', { class: 'button', href: '/join' }, strings.endedJoinOther),
    ),
    focusTarget: heading,
  };
}
