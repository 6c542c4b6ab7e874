/** The Licenses page's "Product plans" region: the stored plans and "New product plan". */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { newPlan } from '@/core/licenses';
import { savePlan } from '@/workers/catalogWrites';
import { usePlans } from './planHooks';

function planId(): string {
  return `plan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function PlanList() {
  const plans = usePlans();
  const navigate = useNavigate();
  const [error, setError] = useState<string | undefined>(undefined);
  const create = async () => {
    const plan = newPlan({ id: planId(), now: new Date().toISOString() });
    const r = await savePlan(plan);
    if (r.ok) void navigate(`/plans/${encodeURIComponent(plan.id)}`);
    else setError(r.error);
  };
  return (
    <section aria-label="Product plans" className="product-plans">
      <h2>Product plans</h2>
      <p className="muted">
        May you ship your product built on these models, datasets and libraries? Describe it and its
        components; Tarn checks it against every component’s lineage.
      </p>
      <button type="button" onClick={() => void create()}>
        New product plan
      </button>
      {error ? (
        <p role="alert" className="error">
          The plan could not be created: {error}
        </p>
      ) : null}
      {plans && plans.length > 0 ? (
        <ul className="plan-list">
          {plans.map((p) => (
            <li key={p.id}>
              <Link to={`/plans/${encodeURIComponent(p.id)}`}>{p.name}</Link>{' '}
              <span className="muted">
                <code>{p.license || 'no licence'}</code> · {p.components.length} component
                {p.components.length === 1 ? '' : 's'} · {p.profile}
              </span>
            </li>
          ))}
        </ul>
      ) : plans ? (
        <p className="muted">No product plans yet.</p>
      ) : null}
    </section>
  );
}
