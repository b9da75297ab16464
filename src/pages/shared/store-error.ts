// The store's errors the user can act on (a full disk, an upgrade blocked by another tab), in the UI
// language; any other error as the store wrote it (a technical detail, or an import refusal naming the
// field at fault).
import { BLOCKED_MESSAGE, QUOTA_MESSAGE } from '../../store/result';
import { t } from './i18n';

export function storeErrorText(error: string): string {
  if (error.includes(QUOTA_MESSAGE)) return error.replace(QUOTA_MESSAGE, t('common_storeFull'));
  if (error.includes(BLOCKED_MESSAGE)) return error.replace(BLOCKED_MESSAGE, t('common_storeBlocked'));
  return error;
}
