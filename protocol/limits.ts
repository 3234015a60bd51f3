/**
 * The bounds the phone's page respects, as constants of their own: an import of LIMITS
 * would put the whole object in the page (a bundler keeps every property of an object).
 */
export const ID_MIN_LENGTH = 8;
export const ID_MAX_LENGTH = 64;
export const NICKNAME_MAX_LENGTH = 24;
export const RESULT_ENTRIES = 200;
export const QA_QUESTIONS_PER_PARTICIPANT = 10;

/** Bounds on everything a client may send; the server enforces them, the pages respect them. */
export const LIMITS = {
  /** Largest Socket.IO packet the server accepts (bytes). */
  maxPacketBytes: 16 * 1024,
  /** Client-made ids: participant ids and answer ids. */
  idMinLength: ID_MIN_LENGTH,
  idMaxLength: ID_MAX_LENGTH,
  questionIdMaxLength: 64,
  joinCodeLength: 6,
  keyMaxLength: 256,
  /** Longest free text anywhere (text questions cap lower by deck setting). */
  textMaxLength: 1000,
  /** Characters in a nickname, after trimming. */
  nicknameMaxLength: NICKNAME_MAX_LENGTH,
  /** Names a moderated entry: an answer id, or a word-cloud word in its normalised form. */
  entryIdMaxLength: 200,
  /** Entries (words, answers, Q&A questions) in one results message; the rest are counted, not listed. */
  resultEntries: RESULT_ENTRIES,
  /** The presenter's moderation list is longer: everything waiting comes first. */
  presenterResultEntries: 1000,
  /** Q&A questions one phone may ask per Q&A slide. */
  qaQuestionsPerParticipant: QA_QUESTIONS_PER_PARTICIPANT,
  /** Reactions per phone: a burst of this many, refilled at reactionsPerSecond. */
  reactionBurst: 5,
  reactionsPerSecond: 1,
  /** Reactions and board changes go out at most this often (ms). */
  reactionsIntervalMs: 250,
  maxOptionsPerAnswer: 50,
  /** Deepest nesting of arrays and objects in a message (the deepest real payload has 3). */
  maxNestingDepth: 8,
  /** Sockets one phone (participant id) may hold open at once: tabs, a reload, a reconnect. */
  socketsPerParticipant: 5,
  /** New phones per client address and minute (a venue NAT puts a room behind one address); `--joins-per-minute`. */
  joinsPerMinute: 1500,
  /** Per phone across all its sockets (per socket for the presenter and displays): a burst of this many events, refilled at eventsPerSecond. */
  eventBurst: 30,
  eventsPerSecond: 10,
  presenterEventBurst: 300,
  presenterEventsPerSecond: 100,
} as const;
