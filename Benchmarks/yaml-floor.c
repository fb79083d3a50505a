/* yaml-floor: the time libyaml alone takes to parse a file, the floor under any generator that reads it
 * with libyaml (Bindery does, for YAML and JSON alike).
 *
 *   cc -O2 -o yaml-floor yaml-floor.c -lyaml
 *   yaml-floor FILE   ->  "events=N wall_s=W cpu_s=C"
 *
 * Reads FILE with libyaml's event API (a yaml_parser_parse loop, each event deleted at once: no tree is built)
 * from opening the file to the end of the stream. Exit status 1 if the file is not well-formed YAML.
 */
#include <stdio.h>
#include <time.h>
#include <yaml.h>

static double seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    double wall0 = seconds(CLOCK_MONOTONIC), cpu0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
    FILE *file = fopen(argv[1], "rb");
    if (!file) {
        perror(argv[1]);
        return 2;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fprintf(stderr, "yaml_parser_initialize failed\n");
        return 2;
    }
    yaml_parser_set_input_file(&parser, file);
    long events = 0;
    int done = 0, ok = 1;
    while (!done) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%zu:%zu: %s\n", argv[1], parser.problem_mark.line + 1,
                    parser.problem_mark.column + 1, parser.problem ? parser.problem : "parse error");
            ok = 0;
            break;
        }
        done = event.type == YAML_STREAM_END_EVENT;
        events++;
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    fclose(file);
    double wall = seconds(CLOCK_MONOTONIC) - wall0, cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
    printf("events=%ld wall_s=%.4f cpu_s=%.4f\n", events, wall, cpu);
    return ok ? 0 : 1;
}
