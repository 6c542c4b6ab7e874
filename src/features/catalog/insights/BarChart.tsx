/**
 * One horizontal bar chart (Observable Plot, loaded on first use so the catalog's first paint does not
 * carry it): a <figure> named by its caption, every bar a link to the catalog filtered to that bar.
 */
import { useEffect, useRef, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import type * as Plot from '@observablehq/plot';

export type Bar = { label: string; count: number; href: string; title?: string };

type PlotModule = typeof Plot;
let plotModule: Promise<PlotModule> | undefined;
function loadPlot(): Promise<PlotModule> {
  plotModule ??= import('@observablehq/plot');
  return plotModule;
}

export function BarChart({ title, bars, note }: { title: string; bars: readonly Bar[]; note?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  useEffect(() => {
    const el = host.current;
    if (!el || bars.length === 0) return;
    let cancelled = false;
    void loadPlot().then((plot) => {
      if (cancelled) return;
      const width = Math.max(280, Math.min(560, el.clientWidth || 480));
      const longest = Math.max(...bars.map((b) => b.label.length));
      // The margin the longest label wants, at most 45% of the chart; labels longer than the margin end in "…"
      // (the bar's title has the whole label).
      const wanted = 12 + longest * 7;
      const marginLeft = Math.min(width * 0.45, wanted);
      const fits = marginLeft < wanted ? Math.max(4, Math.floor((marginLeft - 12) / 7)) : longest;
      const svg = plot.plot({
        width,
        height: 24 * bars.length + 36,
        marginLeft,
        marginRight: 36,
        x: { axis: 'top', grid: true, label: 'assets' },
        y: {
          label: null,
          domain: bars.map((b) => b.label),
          tickFormat: (d: string) => (d.length > fits ? `${d.slice(0, fits - 1)}…` : d),
        },
        style: { background: 'transparent', fontSize: '12px' },
        marks: [
          plot.barX(bars, {
            x: 'count',
            y: 'label',
            className: 'insight-bar',
            href: 'href',
            title: (b: Bar) => `${b.label}: ${b.count} assets${b.title ? ` (${b.title})` : ''}`,
          }),
          plot.text(bars, {
            x: 'count',
            y: 'label',
            text: (b: Bar) => String(b.count),
            dx: 4,
            textAnchor: 'start',
          }),
        ],
      });
      el.replaceChildren(svg);
    });
    return () => {
      cancelled = true;
    };
  }, [bars, title]);

  // Bars are links: follow them inside the app (no page reload).
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as Element).closest('a');
    const href = a?.getAttribute('href');
    if (!href || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    void navigate(href);
  };

  return (
    <figure className="insight-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p className="muted small">Nothing to show for this view.</p>
      ) : (
        <div ref={host} className="insight-plot" onClick={onClick} data-bars={bars.length} />
      )}
      {note ? <p className="muted small">{note}</p> : null}
    </figure>
  );
}
