import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { ImportControls, ImportResultPanel } from '@/features/import/ImportPanel';
import { CatalogActions, useDemoBootstrap } from '@/features/import/CatalogActions';
import { ExportButton } from '@/features/export/ExportButton';
import { useSyncController } from '@/features/sync/useSync';
import { SyncIndicator } from '@/features/sync/SyncPanel';
import { ThemeToggle } from '@/components/ThemeToggle';
import { KeyboardShortcuts } from '@/components/KeyboardShortcuts';
import { UpdatePrompt } from '@/components/UpdatePrompt';

export function Layout({ children }: { children: ReactNode }) {
  useDemoBootstrap();
  useSyncController();
  return (
    <div className="app">
      <header className="topbar">
        <NavLink to="/" className="brand">
          Tarn
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Catalog
          </NavLink>
          <NavLink to="/insights">Insights</NavLink>
          <NavLink to="/lineage">Lineage</NavLink>
          <NavLink to="/imports">Imports</NavLink>
          <NavLink to="/audit">Audit log</NavLink>
          <NavLink to="/licenses">Licenses</NavLink>
          <NavLink to="/team">Team</NavLink>
        </nav>
        <ImportControls />
        <SyncIndicator />
        <ExportButton />
        <CatalogActions />
        <ThemeToggle />
      </header>
      <UpdatePrompt />
      <ImportResultPanel />
      <main>{children}</main>
      <KeyboardShortcuts />
    </div>
  );
}
