import posthog from 'posthog-js';
import { useTheme } from '../hooks/useTheme';

export function Header() {
  const { theme, toggleTheme } = useTheme();
  const showHolidayBanner = posthog.isFeatureEnabled('holiday-banner') ?? false;

  return (
    <header className="site-header">
      {showHolidayBanner && (
        <div className="banner banner--holiday">Free gift wrapping on every order until 24 December</div>
      )}
      <a href="/" className="logo">
        Shop
      </a>
      <button type="button" onClick={toggleTheme} aria-label="Toggle colour theme">
        {theme === 'dark' ? '☀︎' : '☾'}
      </button>
    </header>
  );
}
