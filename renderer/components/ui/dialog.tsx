import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export type AppDialogProps = {
  title: ReactNode;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
  /** alertdialog for consequences (lockout); dialog otherwise. */
  role?: 'dialog' | 'alertdialog';
  /** Dismissable with Escape and outside click (not for alert dialogs). */
  isDismissable?: boolean;
  size?: 'normal' | 'wide';
  className?: string;
};

/**
 * A modal dialog (react-aria: focus trapped and restored, Escape, aria-modal, labelled by title).
 */
export function AppDialog({
  title,
  isOpen,
  onOpenChange,
  children,
  role = 'dialog',
  isDismissable = true,
  size = 'normal',
  className,
}: AppDialogProps) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable && role === 'dialog'}
      isKeyboardDismissDisabled={role === 'alertdialog' ? false : !isDismissable}
    >
      <Modal className={`modal modal-${size}${className ? ` ${className}` : ''}`}>
        <Dialog role={role} className="dialog">
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
