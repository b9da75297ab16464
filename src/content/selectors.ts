// Every x.com selector the extension relies on, in one place. They are built on
// what has stayed stable for years (data-testid, href shapes, roles, an icon
// path), never on class names, fixed depths or visible words: the UI language
// changes every label. When X changes its DOM, this file changes, and the
// health check names the selector that stopped matching.

/** data-testid of a timeline cell, for the hot path that tests it without a selector. */
export const CELL_TESTID = 'cellInnerDiv';
/** data-testid of a repost or pinned header (SEL.socialContext), to tell it from SEL.headerOrName's other match. */
export const SOCIAL_CONTEXT_TESTID = 'socialContext';

export const SEL = {
  primaryColumn: 'div[data-testid="primaryColumn"]',
  /** One virtualised timeline cell; its FIRST CHILD carries the extension's tags. */
  cell: 'div[data-testid="cellInnerDiv"]',
  tweet: 'article[data-testid="tweet"]',
  /** Repost header (inside a link to the reposter) or pinned header (not inside a link). */
  socialContext: '[data-testid="socialContext"]',
  userName: '[data-testid="User-Name"]',
  /**
   * A repost or pinned header, or else the tweet's User-Name: the header comes before the name, so a
   * tweet without one is read up to its name only, not to its end.
   */
  headerOrName: '[data-testid="socialContext"],[data-testid="User-Name"]',
  /** The permalink's time: for a repost this is the original tweet. A quote's time is not in a link. */
  statusTime: 'a[href*="/status/"] > time[datetime]',
  tweetText: 'div[data-testid="tweetText"]',
  /** X cut a long post: only the start of its text is in the page. */
  showMore: '[data-testid="tweet-text-show-more-link"]',
  hashtagLink: 'a[href^="/hashtag/"]',
  /** Quote block: a focusable role=link div inside the article. */
  quote: 'div[role="link"][tabindex="0"]',
  /** SEL.quote or a nested tweet (the other form a quote takes): when neither matches, the tweet quotes nothing. */
  quoteOrNested: 'div[role="link"][tabindex="0"],article[data-testid="tweet"]',
  /** An ad's article has this as an ANCESTOR (a descendant one is a Spaces card). */
  placement: '[data-testid="placementTracking"]',
  actionBar: 'div[role="group"]',
  analytics: 'a[href$="/analytics"]',
  separator: 'div[role="separator"]',
  /** Links to a profile: "/handle" with no further path. */
  profileLink: 'a[href^="/"]',
} as const;

/** Action bar buttons whose aria-label starts with the exact count, whatever the language. */
export const COUNT_BUTTONS = {
  replies: '[data-testid="reply"]',
  reposts: '[data-testid="retweet"],[data-testid="unretweet"]',
  likes: '[data-testid="like"],[data-testid="unlike"]',
  bookmarks: '[data-testid="bookmark"],[data-testid="removeBookmark"]',
} as const;

/** Start of the `d` of the repost icon drawn in a native repost's header. */
export const REPOST_ICON_PREFIX = 'M4.75 3.79l4.603 4.3';
export const REPOST_ICON = `svg path[d^="${REPOST_ICON_PREFIX}"]`;

/** "/<handle>/status/<id>" (also "/i/web/status/<id>"). */
export const STATUS_HREF = /^\/([A-Za-z0-9_]{1,30}|i\/web)\/status\/(\d{1,25})(?:[/?#]|$)/;
/** "/<handle>" alone. X reserves a few first segments that are not handles. */
export const PROFILE_HREF = /^\/([A-Za-z0-9_]{1,30})\/?$/;
export const HASHTAG_HREF = /^\/hashtag\/([^?#/]+)/;

/** Paths X uses for its own pages, never a handle. */
export const RESERVED_PATHS = new Set([
  'home',
  'explore',
  'search',
  'notifications',
  'messages',
  'i',
  'settings',
  'compose',
  'hashtag',
  'tos',
  'privacy',
  'login',
  'logout',
  'signup',
]);
