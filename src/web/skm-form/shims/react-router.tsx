/**
 * `react-router` for the lean survey-form build: the form only links out (to the public
 * results), and a plain link is all a page without the app's router can follow.
 */
import { forwardRef, type AnchorHTMLAttributes } from 'react';

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link({ to, ...rest }, ref) {
  return <a ref={ref} href={to} {...rest} />;
});
