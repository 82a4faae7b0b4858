import { defineRule } from '../engine/rule';
import { fix } from '../engine/helpers';
import { insertLinesAfter, insertLinesBefore, keywordCase, stageChain } from '../engine/user';

export const HEALTHCHECK_TODO = '# TODO: replace the placeholder with a command that exits 0 only while the service is healthy';

export default defineRule({
  meta: {
    code: 'DL3057',
    name: 'healthcheck-missing',
    aliases: ['DS-0026', 'DS026', 'CKV_DOCKER_2'],
    severity: 'info',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags a final image without a `HEALTHCHECK`: none in the final stage, nor in the stages it builds on.',
      why: 'Without a health check the container counts as fine for as long as its main process runs, even when the service inside has hung or lost its database. With one, Docker and Swarm report the container as unhealthy and orchestrators can restart it or keep traffic away. The best practice is to give long-running service images a `HEALTHCHECK` that probes the service itself.',
      bad: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n',
      good: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK --interval=30s --timeout=3s CMD ["curl", "-fsS", "http://localhost/"]\n',
      fix: 'Inserts a placeholder to fill in, before the final stage\'s `CMD`/`ENTRYPOINT` (whichever comes first of the last ones), or at the end of the stage: a comment line saying what to do and `HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD ["<health-check-command>"]`. The placeholder builds, and until it is replaced the container reports unhealthy, so it cannot pass for a real check. Exec form, so it also works on images without a shell. Keyword case, indentation and line endings follow the file. A suggestion, never applied by fix-all.',
      notes: 'By default only images that `EXPOSE` a port are reported (a service, which is what a health check is for): batch jobs, build images and base images need no health check, which is why hadolint has the rule off by default (its default level is "ignore"). Turned on by name (`--enable DL3057`, `DL3057: on` or a level in a `rules:` setting, `.hadolint.yaml` `override`), it reports every final image without one, as hadolint does when enabled. Reported at info level. hadolint reports every stage without a `HEALTHCHECK`; only the final stage becomes the image, so we report that one, at its `FROM`, and count a `HEALTHCHECK` (also `HEALTHCHECK NONE`, an explicit decision) in the stages it builds on. A `HEALTHCHECK` the external base image defines cannot be seen. Trivy DS-0026 and Checkov CKV_DOCKER_2 check the same.',
    },
  },
  check(model, ctx) {
    const final = model.stages.find((s) => s.isFinal);
    if (!final) return [];
    const chain = stageChain(final);
    if (chain.some((s) => s.instructions.some((i) => i.keyword === 'HEALTHCHECK'))) return [];
    const expose = chain.flatMap((s) => s.instructions.filter((i) => i.keyword === 'EXPOSE' && i.args.length))[0];
    // On by default for services only; by name, for every image (hadolint's scope).
    if (!expose && !ctx.explicitlyEnabled) return [];
    const lines = [HEALTHCHECK_TODO, `${keywordCase(final, 'HEALTHCHECK')} --interval=30s --timeout=3s --retries=3 ${keywordCase(final, 'CMD')} ["<health-check-command>"]`];
    const insts = final.instructions;
    const lastOf = (k: string) => { for (let n = insts.length - 1; n >= 0; n--) if (insts[n].keyword === k) return insts[n]; return null; };
    const runAt = [lastOf('CMD'), lastOf('ENTRYPOINT')].filter((i) => i !== null).sort((a, b) => a!.index - b!.index)[0] ?? null;
    const edit = runAt ? insertLinesBefore(model, runAt, lines) : insertLinesAfter(model, insts[insts.length - 1], lines);
    return [{
      range: final.from.keywordRange,
      message: expose
        ? `The image exposes ${expose.args.map((a) => a.value).join(' ')} but has no HEALTHCHECK: add one so the container can report whether the service works`
        : 'The image has no HEALTHCHECK: add one so the container can report whether the service works',
      fixes: [fix('Add a HEALTHCHECK placeholder', [edit], 'suggestion')],
    }];
  },
});
