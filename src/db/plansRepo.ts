/** Product plans (licence compliance of a work built from catalog assets). Reads; writes go through the writer. */
import type { ProductPlan } from '@/core/licenses/plan';
import { getDb } from './db';
import type { CatalogDb } from './schema';

/** Every plan, most recently changed first. */
export async function listPlans(db: CatalogDb = getDb()): Promise<ProductPlan[]> {
  const rows = await db.plans.toArray();
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.name.localeCompare(b.name));
}

export async function getPlan(id: string, db: CatalogDb = getDb()): Promise<ProductPlan | undefined> {
  return db.plans.get(id);
}

/** Stores (creates or replaces) a plan. */
export async function putPlan(plan: ProductPlan, db: CatalogDb = getDb()): Promise<ProductPlan> {
  await db.plans.put(plan);
  return plan;
}

export async function deletePlan(id: string, db: CatalogDb = getDb()): Promise<void> {
  await db.plans.delete(id);
}
