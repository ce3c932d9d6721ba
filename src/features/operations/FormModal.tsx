import type { FormEvent, ReactNode } from 'react';
import { Modal } from './Modal';

interface FormModalProps {
  title: string;
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  danger?: boolean;
  /** Why the form cannot be sent yet (shown, and the submit button disabled). */
  invalid?: string | undefined;
  children: ReactNode;
}

/** A modal form: fields, then "Back" and the action's own button. Enter submits. */
export function FormModal({
  title,
  submitLabel,
  onSubmit,
  onClose,
  danger,
  invalid,
  children,
}: FormModalProps): ReactNode {
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (invalid === undefined) onSubmit();
  };
  return (
    <Modal title={title} onClose={onClose} danger={danger ?? false}>
      <form className="ops-form" onSubmit={submit} noValidate>
        {children}
        {invalid !== undefined && (
          <p className="ops-invalid" role="status">
            {invalid}
          </p>
        )}
        <div className="ops-modal-buttons">
          <button type="button" onClick={onClose}>
            Back
          </button>
          <button type="submit" className={danger ? 'ops-danger' : 'ops-primary'} disabled={invalid !== undefined}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
