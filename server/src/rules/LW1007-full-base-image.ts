import { defineRule } from '../engine/rule';
import { fix } from '../engine/helpers';
import { classifyImage } from '../engine/image';
import { compileStep, runArgvs } from '../engine/packages';
import { imageStages, rootImage } from '../engine/user';

export default defineRule({
  meta: {
    code: 'LW1007',
    name: 'full-base-image',
    aliases: [],
    severity: 'info',
    category: 'size',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a final image based on the full variant of an official image that has a slimmer one made for running: `python`, `node`, `ruby`, `perl` and `debian` without `-slim`/`-alpine` (`python:3.12` → `python:3.12-slim`), and JDK images (`eclipse-temurin:21` / `21-jdk` → `21-jre`; `openjdk` → `eclipse-temurin:<version>-jre`).',
      why: 'The default tags of the official language images are built on a full Debian with compilers, headers and hundreds of tools (`node:20` is about 1 GB, `node:20-slim` about 200 MB); a JDK carries the compiler and tools a JRE leaves out. None of that is needed to run the application, and all of it is attack surface and patching work. The best practices choose the smallest variant that runs the program.',
      bad: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nUSER nobody\nCMD ["python", "app.py"]\n',
      good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nUSER nobody\nCMD ["python", "app.py"]\n',
      fix: 'Replaces the image with its slim (or JRE) variant, same registry and version, when the image is written literally without a digest (a suggestion: the slim variant lacks compilers and some libraries, which native extensions built at install time or at run time may need; test the image). No fix when the image comes from an ARG or is pinned by digest.',
      notes: 'Info level, on by default: it is a size hint, not an error. Not flagged: a final image whose own stages compile or build something (`go build`, `npm run build`, `make`, `gcc` ...: moving that into a build stage comes first, see LW1005), images already slim (`-slim`, `-alpine`, `-jre`, distroless), build toolchain images (LW1006 for multi-stage builds), images we do not know, images without a tag or tagged `latest` (DL3006/DL3007 ask for a version first), and images whose ARG has no known value. Alpine is not suggested: its musl C library breaks some native dependencies, while `-slim` keeps Debian\'s glibc. No reference tool has this rule.',
    },
  },
  check(model) {
    const final = model.stages.find((s) => s.isFinal);
    if (!final) return [];
    const img = rootImage(final);
    const c = classifyImage(img);
    // No tag or `latest`: DL3006/DL3007 ask for a version first.
    if (c.kind !== 'full' || !c.slimmer || img.tag === null || img.tag === 'latest') return [];
    for (const s of imageStages(model)) {
      for (const inst of s.instructions) {
        if (runArgvs(inst).some(({ argv, cmd }) => !cmd?.inSubstitution && compileStep(argv) !== null)) return [];
      }
    }
    const owner = [...imageStages(model)].find((s) => !s.baseStage || s.baseStage === s) ?? final;
    const word = owner.from.args[0];
    if (!word) return [];
    const literal = img.text === img.resolved && img.digest === null && word.value === img.text;
    const what = c.toolchain === 'java' ? 'a JDK with the compiler and tools a JRE leaves out' : 'the full Debian variant with compilers and build tools';
    return [{
      range: word.range,
      message: `The final image is based on ${img.resolved}, ${what}: ${c.slimmer} runs most applications in a fraction of the size (unless it needs them at run time)`,
      fixes: literal ? [fix(`Use ${c.slimmer}`, [{ range: word.range, newText: c.slimmer }], 'suggestion')] : [],
    }];
  },
});
