/**
 * The ports a widely used image listens on when the service states no port of its own, from the
 * table in default-ports.ts. A service on the host network binds these on the host, so two such
 * services clash (host-network-port-clash).
 */
import { familiarName, parseImageReference } from '../model/image';
import { PORT_FACTS, type ResolvedPort } from './default-ports';

/** A port the image listens on by default, with the source of that fact. */
export interface ImagePort {
  port: number;
  protocol: string;
  /** The repository path the table matched ("nginx"). */
  image: string;
  source: string;
}

/** The table's image defaults by image, in table order. */
const BY_IMAGE = new Map<string, ResolvedPort[]>();
for (const f of PORT_FACTS) if (f.byDefault) for (const image of f.product.images!) BY_IMAGE.set(image, [...(BY_IMAGE.get(image) ?? []), f]);

/** Repository paths the table names (familiarName), whatever their tags. */
const KNOWN_IMAGES = new Set(PORT_FACTS.flatMap((f) => f.product.images ?? []));

/**
 * True when the table names `image`'s repository (any tag): what it is, is known, so a port it
 * listens on or its service's name is no evidence of something else (datastores.ts).
 */
export function isKnownImage(image: string): boolean {
  return KNOWN_IMAGES.has(familiarName(parseImageReference(image)));
}

/** Ports `image` listens on by default (empty for images not in the table). */
export function imageDefaultPorts(image: string): ImagePort[] {
  const ref = parseImageReference(image);
  const path = familiarName(ref);
  const tag = ref.tag;
  const out: ImagePort[] = [];
  for (const f of BY_IMAGE.get(path) ?? []) {
    if (f.product.tag && !f.product.tag.test(tag)) continue;
    out.push({ port: f.port, protocol: f.protocol, image: path, source: f.product.source });
  }
  return out;
}
