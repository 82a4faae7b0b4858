import { defineRule } from '../engine/rule';
import { MULTI_STAGE_SNIPPETS as SNIPPETS, buildToolchain } from '../engine/image';
import { compileStep, runArgvs } from '../engine/packages';
import { rootImage } from '../engine/user';


export default defineRule({
  meta: {
    code: 'LW1005',
    name: 'single-stage-build',
    aliases: [],
    severity: 'info',
    category: 'size',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a Dockerfile with a single stage that compiles the application (`go build`, `npm run build`, `mvn package`, `gradle build`, `cargo build`, `dotnet publish`, `gcc`, `make` ...) in a toolchain image (`golang`, `node`, `maven`, `gradle`, `rust`, `mcr.microsoft.com/dotnet/sdk`, `gcc`, a JDK).',
      why: 'The image that builds the application is not the image that should run it: the compiler, the package manager, development dependencies and the sources all ship to production with a single stage. A multi-stage build compiles in one stage and copies only the output into a small runtime image (distroless, `-slim`, a JRE), which is how a 1 GB Go or Node image becomes 15 to 200 MB, with far fewer packages to patch.',
      bad: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
      good: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]\n',
      fix: 'None automatic: splitting a build into stages means deciding what the runtime needs. The VS Code extension ships multi-stage templates: type `lw-go`, `lw-node`, `lw-java`, `lw-python` or `lw-rust` in a Dockerfile.',
      notes: 'Reported once, at the first compile step. Info level: a single-stage build is sometimes deliberate (a development or CI image). The image must be one whose purpose is building (an SDK, a `node` image, a JDK); a compile on a plain OS image is not judged. No reference tool has this rule.',
    },
  },
  check(model) {
    if (model.stages.length !== 1) return [];
    const stage = model.stages[0];
    const img = rootImage(stage);
    const chain = buildToolchain(img);
    if (!chain) return [];
    for (const inst of stage.instructions) {
      for (const { argv, cmd } of runArgvs(inst)) {
        if (cmd?.inSubstitution) continue;
        const step = compileStep(argv);
        if (!step) continue;
        const words = step.words;
        const snippet = SNIPPETS[step.tool] ?? SNIPPETS[chain];
        return [{
          range: { start: words[0].range.start, end: words[words.length - 1].range.end },
          message: `This single-stage build compiles in ${img.resolved}, so the toolchain, sources and build dependencies ship in the image: build in a stage of its own and copy only the output into a runtime image${snippet ? ` (the ${snippet} snippet is a template)` : ''}`,
        }];
      }
    }
    return [];
  },
});
