import type { ReactNode } from 'react';

interface ExternalLinkProps {
  /** An http(s) address already checked by the caller. */
  href: string;
  className?: string;
  children: ReactNode;
}

/** A link to a site we do not control: no ranking credit, no window access. */
export function ExternalLink({ href, className, children }: ExternalLinkProps) {
  return (
    <a href={href} rel="nofollow noopener" className={className}>
      {children}
    </a>
  );
}
