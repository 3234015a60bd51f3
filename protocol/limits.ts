/** Bounds on everything a client may send; the server enforces them, the pages respect them. */
export const LIMITS = {
  /** Largest Socket.IO packet the server accepts (bytes). */
  maxPacketBytes: 16 * 1024,
  /** Client-made ids: participant ids and answer ids. */
  idMinLength: 8,
  idMaxLength: 64,
  questionIdMaxLength: 64,
  joinCodeLength: 6,
  keyMaxLength: 256,
  /** Longest free text anywhere (text questions cap lower by deck setting). */
  textMaxLength: 1000,
  nicknameMaxLength: 24,
  maxOptionsPerAnswer: 50,
  /** Per socket: a burst of this many events, refilled at eventsPerSecond. */
  eventBurst: 30,
  eventsPerSecond: 10,
  presenterEventBurst: 300,
  presenterEventsPerSecond: 100,
} as const;
