import { defineRule } from '../src/define-rule';
import { originOf } from '../src/model/origin';
import { OWASP_13 } from './_references';
import { hardeningTargets, reachData } from './_security';

export default defineRule<Record<string, never>, 'tag'>({
  id: 'image-digest',
  description: "A service's image is named by tag, not pinned by digest (`@sha256:`).",
  category: 'security',
  severity: 'warning',
  securitySeverity: 3.5,
  fixable: false,
  recommended: false,
  messages: {
    tag: '`{{service}}`, {{reach}}, uses `{{image}}` by tag: pin it by digest (`{{image}}@sha256:...`) so the same name cannot bring a different image',
  },
  docs: {
    why: [
      'A tag is a movable name: whoever controls the repository (or compromises it, or a mirror in between) can point `postgres:16` at a different image, and the next `docker compose pull` runs it. A digest (`image: postgres:16@sha256:...`) names the exact image content; Docker refuses anything else. Keep the tag in front of the digest for readers and update both with a tool such as Renovate or Dependabot.',
      'Services that `build` their image are not reported (their `image` is the name of the image they build). The value is checked after interpolation, so `${TAG}` from `.env` is seen. The finding is a warning on a public service and info elsewhere. The recommended rule `image-mutable-tag` reports the worse case of no tag or `latest`.',
    ].join('\n\n'),
    bad: 'services:\n  db:\n    image: postgres:16\n',
    good: 'services:\n  db:\n    image: postgres:16@sha256:5f7d4b1f1ffd8d7c9a4a8c3c3b6d2e0f1a2b3c4d5e6f708192a3b4c5d6e7f809\n',
    references: [OWASP_13, { url: 'https://docs.docker.com/reference/compose-file/services/#image', title: 'Compose file reference: image' }],
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      const image = typeof t.svc.image === 'string' ? t.svc.image.trim() : '';
      if (image === '' || t.svc.build !== undefined || image.includes('@')) continue; // pinned (a malformed digest is Docker's to refuse)
      if (/^[/:]|:$|\/\//.test(image)) continue; // left broken by an unset variable: the interpolation rule says so
      ctx.report({ messageId: 'tag', data: { ...reachData(t), image }, origin: originOf(t.svc, 'image'), service: t.name, severity: t.severity, value: image });
    }
  },
});
