import '../shared/theme.css';
import '../shared/page.css';
import './host.css';
import { createExtensionBackend } from '../shared/extension-backend';
import { mountPage } from '../shared/mount';
import { Host } from './Host';

mountPage('host_title', <Host backend={createExtensionBackend()} />);
