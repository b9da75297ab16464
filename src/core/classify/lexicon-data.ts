// The compiled lexicons shipped with the extension. Adding a language means
// adding its JSON file here and its code to LEXICON_LANGS (lexicon.ts).
import universal from '../../../data/lexicons/universal.json';
import en from '../../../data/lexicons/en.json';
import nl from '../../../data/lexicons/nl.json';
import fr from '../../../data/lexicons/fr.json';
import de from '../../../data/lexicons/de.json';
import es from '../../../data/lexicons/es.json';
import it from '../../../data/lexicons/it.json';
import { compileLexicons, type LexiconFile } from './lexicon';

export const LEXICON_FILES: LexiconFile[] = [universal, en, nl, fr, de, es, it] as LexiconFile[];

export const lexicon = compileLexicons(LEXICON_FILES);
