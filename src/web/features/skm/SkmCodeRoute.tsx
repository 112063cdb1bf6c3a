import { Outlet, useParams } from 'react-router';
import { isUuid } from './common.tsx';
import { PublicSurveyForm } from './PublicSurveyForm.tsx';

/**
 * /skm/:param serves two audiences: a survey id (UUID) is the signed-in survey page (rendered
 * through the child routes: auth guard, app shell, page); anything else is a survey code from a
 * QR poster, which opens the public form without sign-in.
 */
export default function SkmCodeRoute() {
  const { param = '' } = useParams();
  if (isUuid(param)) return <Outlet />;
  return <PublicSurveyForm code={param} />;
}
