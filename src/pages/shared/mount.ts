// Entry of every page: language and title first, then the app.

import { render, type VNode } from 'preact';
import { t, uiLanguage, type MessageKey } from './i18n';

export function mountPage(titleKey: MessageKey, app: VNode): void {
  document.documentElement.lang = uiLanguage();
  document.title = titleKey === 'extName' ? t('extName') : `${t(titleKey)} - ${t('extName')}`;
  const root = document.getElementById('app');
  if (root) render(app, root);
}
