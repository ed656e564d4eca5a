import {secondaryButtonDeclarations, themeTokens} from '../components/shared/theme-styles.ts';
import {appliedConsoleTheme, applyConsoleTheme, readConsoleTheme} from './console-theme.ts';

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
  // The tab's secondary button, in the console's look: the same tokens and declarations as the tab's buttons.
  close.style.cssText = `${themeTokens.cssText}${secondaryButtonDeclarations.cssText}float:right;margin:0 0 8px 8px;`;
  // The content's own theme (the tab read it from its dialog, maybe closed since) first, else the page's.
  applyConsoleTheme(close, {...readConsoleTheme(document), ...appliedConsoleTheme(content)});
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
