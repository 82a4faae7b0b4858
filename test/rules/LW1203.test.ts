import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1203-update-without-install';

ruleTests(rule, {
  valid: [
    { name: 'update and install', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
    { name: 'apt update then apt-get install', code: 'FROM debian:12\nRUN apt update && apt-get -y upgrade\n' },
    { name: 'apk update then add', code: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache git\n' },
    { name: 'apk add --update', code: 'FROM alpine:3.20\nRUN apk add --update git\n' },
    { name: 'dnf makecache then install', code: 'FROM fedora:40\nRUN dnf makecache && dnf -y install git\n' },
    { name: 'zypper ref then in', code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive ref && zypper -n in git\n' },
    { name: 'yum update is an upgrade', code: 'FROM centos:7\nRUN yum -y update\n' },
    { name: 'heredoc with both', code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n' },
    { name: 'sudo wrapper', code: 'FROM debian:12\nRUN sudo apt-get update && sudo apt-get install -y curl\n' },
  ],
  invalid: [
    { name: 'lone update, next RUN installs: merge', code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n', errors: [{ range: '2:5-2:19', message: /nothing is installed/ }], output: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n' },
    { name: 'install before the update does not count', code: 'FROM debian:12\nRUN apt-get install -y curl && apt-get -q update\n', errors: ['2:32-2:49'], output: null },
    { name: 'another package manager installs', code: 'FROM alpine:3.20\nRUN apk update && pip install x\nCMD ["x"]\n', errors: ['2:5-2:15'], output: null },
    { name: 'different flags: no merge', code: 'FROM debian:12\nRUN --network=host apt-get update\nRUN apt-get install -y curl\n', errors: ['2:20-2:34'], output: null },
    { name: 'inside sh -c', code: "FROM debian:12\nRUN sh -c 'apt update'\n", errors: ['2:12-2:22'], output: null },
    { name: 'zypper refresh', code: 'FROM opensuse/leap:15.6\nRUN zypper refresh\n', errors: ['2:5-2:19'] },
  ],
});
