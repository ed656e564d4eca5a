/**
 * A panel of our own, fixed over the console, for what must outlive the dialog: the console's Save closes
 * the enterprise dialog, and the offer to restore lost billing properties still has to be seen.
 */
export function showFloatingPanel(content: HTMLElement, options: {label: string; closeLabel: string; signal: AbortSignal; onClose?: () => void}): void {
  const panel = document.createElement('section');
  panel.setAttribute('data-boa-mounted', '');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', options.label);
  panel.style.cssText =
    'position:fixed;right:16px;bottom:16px;z-index:2147483000;width:min(640px,calc(100vw - 32px));max-height:80vh;overflow:auto;' +
    'background:#fff;color:#222;border:1px solid #999;border-radius:6px;box-shadow:0 8px 32px rgba(0,0,0,.3);padding:12px';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = options.closeLabel;
  close.style.cssText = 'float:right';
  const remove = () => panel.remove();
  const dismiss = () => {
    remove();
    options.onClose?.();
  };
  close.addEventListener('click', dismiss);
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    // Ours alone: the console's dialog (if any) must not close with it.
    event.stopPropagation();
    dismiss();
  });
  panel.append(close, content);
  document.body.append(panel);
  options.signal.addEventListener('abort', remove, {once: true});
  close.focus();
}
