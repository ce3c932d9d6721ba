import { useCallback, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ConfirmRequest } from '../../lib/action-ports';
import { Modal } from './Modal';

export type { ConfirmRequest } from '../../lib/action-ports';

interface ConfirmDialogProps extends ConfirmRequest {
  onConfirm: () => void;
  onDismiss: () => void;
}

/**
 * Asks before something destructive. The safe button has focus first, so Enter or Escape right
 * after opening never destroys anything; with `requireText` the action stays disabled until the
 * text was typed.
 */
export function ConfirmDialog(props: ConfirmDialogProps): ReactNode {
  const {
    title,
    message,
    confirmLabel,
    dismissLabel = 'Back',
    danger = false,
    requireText,
    onConfirm,
    onDismiss,
  } = props;
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const matches = requireText === undefined || typed === requireText;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (matches) onConfirm();
  };
  return (
    <Modal title={title} onClose={onDismiss} danger={danger}>
      <form className="ops-form" onSubmit={submit}>
        <div className="ops-modal-message">{message}</div>
        {requireText !== undefined && (
          <div className="ops-field">
            <label htmlFor={inputId}>
              Type <strong className="ops-require-text">{requireText}</strong> to confirm
            </label>
            <input
              id={inputId}
              data-autofocus
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
        )}
        <div className="ops-modal-buttons">
          <button type="button" onClick={onDismiss} {...(requireText === undefined ? { 'data-autofocus': true } : {})}>
            {dismissLabel}
          </button>
          <button type="submit" className={danger ? 'ops-danger' : 'ops-primary'} disabled={!matches}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export type Confirm = (request: ConfirmRequest) => Promise<boolean>;

interface Pending {
  readonly request: ConfirmRequest;
  readonly resolve: (answer: boolean) => void;
  readonly key: number;
}

/**
 * An imperative confirmation: `await confirm({...})` resolves true when the user confirmed.
 * Render `dialog` somewhere in the component; it is null while nothing is asked.
 */
export function useConfirm(): { confirm: Confirm; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback<Confirm>(
    (request) =>
      new Promise<boolean>((resolve) => {
        setPending((previous) => {
          previous?.resolve(false);
          return { request, resolve, key: (previous?.key ?? 0) + 1 };
        });
      }),
    [],
  );
  const answer = (value: boolean): void => {
    pending?.resolve(value);
    setPending(null);
  };
  const dialog = pending ? (
    <ConfirmDialog
      key={pending.key}
      {...pending.request}
      onConfirm={() => answer(true)}
      onDismiss={() => answer(false)}
    />
  ) : null;
  return { confirm, dialog };
}
