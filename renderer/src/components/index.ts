export { Button, type ButtonProps } from './Button';
export { Dialog, type DialogProps } from './Dialog';
export { confirm, ConfirmHost, type ConfirmOptions } from './confirm';
export { toast, toastError, dismissToast, Toaster, type ToastOptions } from './toast';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { ErrorMessage, type ErrorMessageProps } from './ErrorMessage';
export { ErrorBoundary } from './ErrorBoundary';
export { Progress, type ProgressProps } from './Progress';
export { onRadioGroupKeyDown } from './radioGroup';
