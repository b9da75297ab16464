import '../shared/theme.css';
import './popup.css';
import { createExtensionBackend } from '../shared/extension-backend';
import { mountPage } from '../shared/mount';
import { Popup } from './Popup';

mountPage('extName', <Popup backend={createExtensionBackend()} />);
