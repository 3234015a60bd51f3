/**
 * The words the presenter console shows, in one place (the phone's are in audience/strings.ts).
 * English only: the console is the presenter's own tool. Functions take the parts that
 * come from the talk. The page's fixed labels are in slides/console/index.html; the
 * question panel's words move here once its per-type sections have settled.
 */
export const strings = {
  connection: {
    connecting: 'Connecting…',
    live: 'Live',
    reconnecting: 'Reconnecting…',
    refused: 'Not signed in',
  },
  signedOut:
    'This browser is no longer signed in as the presenter (the server’s key changed or the cookie expired). Open the presenter address that handsup start printed (…/presenter?key=…).',
  // What the server said to a command: `what` is the command (a question action such as "open", or "approve").
  noAnswer: (what: string) => `The server did not answer “${what}” — check the connection.`,
  noAnswerToMove: 'The server did not answer the move — check the connection.',
  refusedMove: (message: string) => `Could not move: ${message}`,
  refused: (what: string, message: string) => `Could not ${what}: ${message}`,

  slideOf: (slide: number, count: number) => `Slide ${slide} of ${count}`,
  slidePosition: (slide: number, count: number) => `${slide} / ${count}`,
  goToSlideLabel: (slide: number, count: number) => `Go to slide (now ${slide} of ${count})`,
  phonesConnected: (count: number) => (count === 1 ? 'phone connected' : 'phones connected'),
  untitledSlide: 'Untitled slide',
  stepTitle: (title: string, fragment: number, fragments: number) => `${title} · ${fragment}/${fragments} fragments`,
  sameSlideFragment: (fragment: number, fragments: number) => `Same slide: fragment ${fragment} of ${fragments}`,
  endOfTalk: 'End of the talk',
  currentSlideFrame: 'Current slide',
  nextSlideFrame: 'Next slide',
  noNotes: 'No notes for this slide.',

  timer: { start: 'Start', pause: 'Pause', resume: 'Resume' },

  noReactions: 'No reactions yet',
  reactionsSummary: (here: number, all: number) => `${here} on this slide · ${all} in the talk`,

  storageMeanwhile:
    'Phones keep their answers and send them again; nothing they send is counted until it is saved. Saving resumes by itself once the problem is fixed.',

  downloads: {
    resultsCsv: { label: 'Results (CSV)', busy: 'Preparing the CSV…' },
    resultsJson: { label: 'Results (JSON)', busy: 'Preparing the JSON…' },
    pdf: { label: 'PDF', busy: 'Making the PDF…' },
    pdfNotes: { label: 'PDF with notes', busy: 'Making the PDF…' },
    serverAnswered: (status: number, statusText: string) => `The server answered ${status} ${statusText}.`,
    downloaded: (file: string) => `Downloaded ${file}`,
    unreachable: (error: string) => `Could not reach the handsup server: ${error}`,
  },
} as const;
