import { useCallback, useRef, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../i18n/problem-messages';

export interface ActionMessages<T> {
  /** Shown on success; a function gets the answer. */
  success?: string | ((result: T) => string);
  /** Title of the failure notification (the problem's translated text is the description). */
  failure?: string;
  /** Called with the error instead of the notification, e.g. to put field errors on a form. Return true when handled. */
  onError?: (error: unknown) => boolean | void;
}

/**
 * Runs one API call at a time per key, with a success message and a failure notification in the
 * reader's language. `pending` names the key in flight, for a button's loading state.
 */
export function useApiAction() {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const [pending, setPending] = useState<string | null>(null);
  const inFlight = useRef(new Set<string>());

  const run = useCallback(
    async <T>(key: string, task: () => Promise<T>, messages: ActionMessages<T> = {}): Promise<T | undefined> => {
      if (inFlight.current.has(key)) return undefined;
      inFlight.current.add(key);
      setPending(key);
      try {
        const result = await task();
        const success = typeof messages.success === 'function' ? messages.success(result) : messages.success;
        if (success) void message.success(success);
        return result;
      } catch (error) {
        if (!messages.onError?.(error)) {
          notification.error({ message: messages.failure ?? t('actions.failed'), description: problemMessage(error) });
        }
        return undefined;
      } finally {
        inFlight.current.delete(key);
        setPending((current) => (current === key ? null : current));
      }
    },
    [message, notification, t],
  );

  return { run, pending };
}
