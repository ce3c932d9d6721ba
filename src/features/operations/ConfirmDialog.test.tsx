import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog, useConfirm, type ConfirmRequest } from './ConfirmDialog';

const CANCEL_JOB: ConfirmRequest = {
  title: 'Cancel this job?',
  message: <p>Demo: event-time orders will be cancelled.</p>,
  confirmLabel: 'Cancel job',
  dismissLabel: 'Keep running',
  danger: true,
};

/** A trigger button that opens the dialog, as the job actions do. */
function Harness({ request, onConfirm }: { request: ConfirmRequest; onConfirm: () => void }): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <ConfirmDialog
          {...request}
          onConfirm={() => {
            setOpen(false);
            onConfirm();
          }}
          onDismiss={() => setOpen(false)}
        />
      )}
    </>
  );
}

function open(request: ConfirmRequest = CANCEL_JOB) {
  const onConfirm = vi.fn();
  render(<Harness request={request} onConfirm={onConfirm} />);
  const trigger = screen.getByRole('button', { name: 'Open' });
  trigger.focus();
  fireEvent.click(trigger);
  return { onConfirm, trigger, dialog: screen.getByRole('dialog', { name: request.title }) };
}

describe('ConfirmDialog', () => {
  it('is a dialog named by its title, with the safe choice focused first', () => {
    const { dialog } = open();
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog).toHaveProperty('open', true);
    expect(screen.getByText('Demo: event-time orders will be cancelled.')).toBeDefined();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep running' }));
  });

  it('closes on Escape without confirming, and gives focus back to what opened it', () => {
    const { dialog, onConfirm, trigger } = open();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(trigger);
  });

  it("closes on the browser's own cancel request (the dialog's cancel event) too", () => {
    const { dialog, onConfirm } = open();
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('keeps Tab and Shift+Tab inside the dialog', () => {
    const { dialog } = open();
    const keep = screen.getByRole('button', { name: 'Keep running' });
    const confirm = screen.getByRole('button', { name: 'Cancel job' });
    confirm.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(keep);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);
  });

  it('confirms with its action button, from the keyboard as from the mouse', () => {
    const { onConfirm } = open();
    const confirm = screen.getByRole('button', { name: 'Cancel job' });
    fireEvent.submit(confirm.closest('form') as HTMLFormElement);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('backs out with its dismiss button', () => {
    const { onConfirm } = open();
    fireEvent.click(screen.getByRole('button', { name: 'Keep running' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('asks for a name to be typed before the action is enabled', () => {
    const { onConfirm } = open({
      title: 'Shut down the cluster?',
      message: 'Every job stops.',
      confirmLabel: 'Shut down cluster',
      danger: true,
      requireText: 'Flink sandbox',
    });
    const input = screen.getByLabelText('Type Flink sandbox to confirm');
    const confirm = screen.getByRole('button', { name: 'Shut down cluster' });
    expect(document.activeElement).toBe(input);
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.submit(confirm.closest('form') as HTMLFormElement);
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: 'flink sandbox' } });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(input, { target: { value: 'Flink sandbox' } });
    expect(confirm).toHaveProperty('disabled', false);
    fireEvent.submit(confirm.closest('form') as HTMLFormElement);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('renders untrusted text as text', () => {
    open({ ...CANCEL_JOB, title: 'Cancel <img src=x onerror=alert(1)>?', message: '<script>alert(1)</script>' });
    expect(document.querySelector('dialog img, dialog script')).toBeNull();
    expect(screen.getByText('<script>alert(1)</script>')).toBeDefined();
  });
});

describe('useConfirm', () => {
  function Asker({ onAnswer }: { onAnswer: (answer: boolean) => void }): ReactNode {
    const { confirm, dialog } = useConfirm();
    const ask = async (): Promise<void> => {
      onAnswer(
        await confirm({
          title: 'Delete this jar?',
          message: 'It is removed.',
          confirmLabel: 'Delete jar',
          danger: true,
        }),
      );
    };
    return (
      <>
        <button type="button" onClick={() => void ask()}>
          Delete…
        </button>
        {dialog}
      </>
    );
  }

  it('resolves true when confirmed and false when dismissed, rendering the dialog only while asking', async () => {
    const answers: boolean[] = [];
    render(<Asker onAnswer={(a) => answers.push(a)} />);
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete jar' }));
    await act(async () => {});
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    fireEvent.keyDown(screen.getByRole('dialog', { name: 'Delete this jar?' }), { key: 'Escape' });
    await act(async () => {});
    expect(answers).toEqual([true, false]);
  });
});
