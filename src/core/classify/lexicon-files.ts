// The lexicon files shipped with the extension, uncompiled: lexicon-data.ts
// compiles them (the content script may start that over several tasks first).
import universal from '../../../data/lexicons/universal.json';
import en from '../../../data/lexicons/en.json';
import nl from '../../../data/lexicons/nl.json';
import fr from '../../../data/lexicons/fr.json';
import de from '../../../data/lexicons/de.json';
import es from '../../../data/lexicons/es.json';
import it from '../../../data/lexicons/it.json';
import type { LexiconFile } from './lexicon';

export const LEXICON_FILES: LexiconFile[] = [universal, en, nl, fr, de, es, it] as LexiconFile[];
