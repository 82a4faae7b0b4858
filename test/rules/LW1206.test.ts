import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1206-docker-socket-volume';

const F = 'FROM alpine:3.20\n';
ruleTests(rule, {
  valid: [
    { name: 'data volumes', code: F + 'VOLUME /data ["/var/lib/app"]\n' },
    { name: 'the run directory itself', code: F + 'VOLUME /var/run\n' },
    { name: 'a socket elsewhere', code: F + 'VOLUME /home/app/docker.sock\n' },
    { name: 'not a VOLUME', code: F + 'ENV DOCKER_HOST=unix:///var/run/docker.sock\n' },
  ],
  invalid: [
    { name: 'only path', code: F + 'VOLUME /var/run/docker.sock\nCMD ["sh"]\n', errors: [{ range: '2:8-2:28', message: /^VOLUME \/var\/run\/docker.sock expects/ }], output: F + 'CMD ["sh"]\n' },
    { name: 'among others', code: F + 'VOLUME /data /run/containerd/containerd.sock\n', errors: ['2:14-2:45'], output: F + 'VOLUME /data\n' },
    { name: 'exec form, one element', code: F + 'VOLUME ["/var/run//docker.sock"]\n', errors: ['2:9-2:32'], output: F },
    { name: 'exec form, several: no fix', code: F + 'VOLUME ["/data", "/run/podman/podman.sock"]\n', errors: ['2:18-2:43'], output: null },
    { name: 'through an ARG', code: F + 'ARG SOCK=/var/run/docker.sock\nVOLUME $SOCK /data\n', errors: ['3:8-3:13'], output: F + 'ARG SOCK=/var/run/docker.sock\nVOLUME /data\n' },
  ],
});
