import { defineRule } from '../src/define-rule';
import { emptyReferencePart, parseImageReference } from '../src/model/image';
import { originOf } from '../src/model/origin';
import { OWASP_9, OWASP_13 } from './_references';
import { writtenWithUnknownVariable } from '../src/load/template';
import { serviceEntries } from '../src/model/project';
import { exposureOf, reach, severityFor } from './_security';

/** Tags that name a moving target, alone or with a variant (`stable-alpine`, `lts-slim`). */
const MOVING = /^(latest|stable|edge|nightly|lts|dev|develop|main|master|canary|rolling)(-[a-z][a-z0-9.]*)*$/i;

/** The tag of an image reference (`registry:5000/app:1.2` -> `1.2`), '' without one, undefined with a digest. */
export function imageTag(image: string): string | undefined {
  const { tag, digest } = parseImageReference(image);
  return digest ? undefined : tag;
}

export default defineRule<Record<string, never>, 'noTag' | 'movingTag'>({
  id: 'image-mutable-tag',
  description: 'A service runs an image without a tag or with a moving one (`latest`, `stable`, `edge`, `nightly`, `lts`, `dev`, ...).',
  category: 'security',
  severity: 'info',
  // Fires on 47% and 42% of the real compose files of the two corpora: a strict-preset check.
  recommended: false,
  securitySeverity: 3.0,
  fixable: false,
  messages: {
    noTag: '`image: {{image}}` has no tag, so it means `{{image}}:latest`: each pull may bring a different image, and nobody reviewed that one; pin a version tag or a digest ({{exposure}})',
    movingTag: '`image: {{image}}` uses the moving tag `{{tag}}`: each pull may bring a different image, and nobody reviewed that one; pin a version tag or a digest ({{exposure}})',
  },
  docs: {
    why: [
      'A tag like `latest`, `stable` or `nightly` is moved by the publisher to each new build. The image a service runs then depends on when the host last pulled: two hosts of the same deployment run different code, a rollback goes nowhere, and a compromised or broken upstream build is deployed without anyone choosing it. An image without a tag is `latest`.',
      '',
      'The rule reads the image after interpolation, so `nginx:${TAG:-latest}` with `TAG` unset is `latest`, and a tag set in `.env` or an override is what counts. Services that build their image (`build:`) and images pinned by digest (`@sha256:...`) are not reported. The finding is info, a warning on a public service; the rule is in the `strict` preset (off by default), since most real files use such tags somewhere. Pinning a digest as well is the `image-digest` rule of the strict preset.',
    ].join('\n'),
    bad: 'services:\n  web:\n    image: nginx:latest\n    ports:\n      - "80:80"\n',
    good: 'services:\n  web:\n    image: nginx:1.27.2-alpine\n    ports:\n      - "80:80"\n',
    references: [OWASP_13, OWASP_9],
  },
  check(ctx) {
    for (const [name, svc] of serviceEntries(ctx.project)) {
      if (typeof svc.image !== 'string' || svc.image === '' || svc.build !== undefined) continue;
      const origin = originOf(svc, 'image');
      // An empty tag or digest (`nginx:`) is no moving tag: Docker refuses the reference (the schema rule, or the interpolation rule for an unset variable).
      if (writtenWithUnknownVariable(origin, ctx.project.env) || emptyReferencePart(svc.image)) continue;
      const tag = imageTag(svc.image);
      if (tag === undefined || (tag !== '' && !MOVING.test(tag))) continue;
      const exposure = exposureOf(ctx.graph, name);
      ctx.report({
        messageId: tag === '' ? 'noTag' : 'movingTag',
        data: { image: svc.image, tag, exposure: reach(exposure) },
        origin,
        service: name,
        value: svc.image,
        severity: severityFor('info', exposure),
      });
    }
  },
});
