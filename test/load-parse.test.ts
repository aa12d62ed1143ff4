import { parseYaml } from '../src/load/parse';
import { makeSource } from '../src/model/source';
import { originOf, toPosition, keyOriginOf } from '../src/model/origin';
test('quick', () => {
  const r = parseYaml(makeSource('a.yml', 'x: &d\n  r: 1\nservices:\n  web:\n    <<: *d\n    image: "nginx"\n    ports: [ "80:80" ]\n'));
  expect(r.errors).toEqual([]);
  const web = (r.documents[0].services as any).web;
  expect(web).toEqual({ image: 'nginx', ports: ['80:80'], r: 1 });
  expect(toPosition(originOf(web, 'image')!)).toMatchObject({ line: 6, column: 12 });
  expect(toPosition(originOf(web, 'r')!)).toMatchObject({ line: 2, column: 6 });
  expect(toPosition(keyOriginOf(web, 'ports')!)).toMatchObject({ line: 7, column: 5 });
  expect(toPosition(originOf(web.ports, 0)!)).toMatchObject({ line: 7, column: 14 });
});
