import { useNavigate, useParams } from 'react-router';
import { PlanEditor } from '@/features/licenses/PlanEditor';
import { PlanReport } from '@/features/licenses/PlanReport';

/** `/plans/:id`: a product plan and its licence check. */
export function PlanPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  return <PlanEditor key={id} id={id} onDeleted={() => void navigate('/licenses')} />;
}

/** `/plans/:id/report`: the plan's printable compliance report. */
export function PlanReportPage() {
  const { id = '' } = useParams();
  return <PlanReport key={id} id={id} />;
}
