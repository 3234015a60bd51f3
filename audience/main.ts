import './audience.css';
import { Announcer } from './announcer.ts';
import { requireElement } from './dom.ts';
import { loadStrings } from './i18n/load-strings.ts';
import { pickLocale } from './i18n/pick-locale.ts';
import { joinCodeFromPath, pathForJoinCode } from './join-route.ts';
import { ScreenHost } from './screen-host.ts';
import { joinScreen } from './screens/join-screen.ts';
import { endedScreen } from './screens/message-screens.ts';
import { StatusBanner } from './status-banner.ts';
import { browserStore } from './storage.ts';
import { strings } from './strings.ts';
import { joinTalk } from './talk.ts';

/** The phone app: /join asks for the code, /j/CODE joins straight away (the QR code's target). */
function start(): void {
  const store = browserStore();
  const host = new ScreenHost(requireElement('app'));
  const announcer = new Announcer(requireElement('announcer'));
  const banner = new StatusBanner(requireElement('status-banner'));
  document.title = strings.pageTitle;

  function askForCode(typed?: string, error?: string): void {
    host.show(
      joinScreen({
        typed,
        error,
        onJoin(code) {
          // The address now names the talk: a reload or a restarted browser comes straight back.
          history.replaceState(null, '', pathForJoinCode(code));
          join(code);
        },
      }),
    );
    if (error) announcer.say(error);
  }

  function join(code: string): void {
    joinTalk(code, {
      store,
      host,
      announcer,
      banner,
      onRefused(errorCode, joined) {
        if (joined && errorCode === 'not_found') {
          host.show(endedScreen(code));
          announcer.say(strings.endedHeading);
          return;
        }
        history.replaceState(null, '', '/join');
        askForCode(code, errorCode === 'not_found' ? strings.joinCodeNotFound(code) : strings.joinRefused(strings.refusal({ code: errorCode })));
      },
    });
  }

  const code = joinCodeFromPath(location.pathname);
  if (code) join(code);
  else askForCode();
}

// The server marks the page with the deck's `lang` (front matter) when it has one.
const choice = pickLocale(document.documentElement.dataset.deckLang, navigator.languages ?? [navigator.language]);
loadStrings(choice).then(start, () => {
  // Its words did not arrive (the network dropped just then): a fresh load tries again.
  setTimeout(() => location.reload(), 3000);
});
