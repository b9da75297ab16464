// The compiled lexicons shipped with the extension. Adding a language means
// adding its JSON file to lexicon-files.ts and its code to LEXICON_LANGS (lexicon.ts).
import { compileLexicons } from './lexicon';
import { LEXICON_FILES } from './lexicon-files';

export { LEXICON_FILES };

export const lexicon = compileLexicons(LEXICON_FILES);
