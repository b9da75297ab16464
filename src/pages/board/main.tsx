import '../shared/theme.css';
import '../shared/page.css';
import './board.css';
import { createExtensionBackend } from '../shared/extension-backend';
import { mountPage } from '../shared/mount';
import { Board } from './Board';

mountPage('board_title', <Board backend={createExtensionBackend()} />);
