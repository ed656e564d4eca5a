import {Task, TaskStatus, initialState} from '@lit/task';
import type {ReactiveControllerHost} from 'lit';
import type {Check, SetupInput, Verdict} from '../../aws/types.ts';
import type {BillingServices} from '../services.ts';
import {untilAborted} from './abortable.ts';

/**
 * Runs `services.verify` for one input and keeps the checks as they stream in, so a section can render
 * progress live. A new `run` aborts the previous one (its signal), and `cancel` aborts without a new run.
 */
export class Verification {
  /** Checks of the current run, in arrival order. */
  checks: readonly Check[] = [];
  /**
   * The input of the run about to start. Task arguments outlive their run (`@lit/task` keeps the last ones), and
   * the input holds the secret: the task gets a run number and takes the input from here, once.
   */
  private input: SetupInput | undefined;
  private runs = 0;
  private readonly task: Task<[number], Verdict>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly services: () => BillingServices | undefined,
    onVerdict: (verdict: Verdict) => void,
  ) {
    this.task = new Task(host, {
      autoRun: false,
      task: async (_run, {signal}) => {
        const input = this.input;
        this.input = undefined;
        const services = this.services();
        if (!services || !input) return initialState;
        const verdict = await untilAborted(
          services.verify(
            input,
            (check) => {
              if (signal.aborted) return;
              this.checks = [...this.checks, check];
              this.host.requestUpdate();
            },
            signal,
          ),
          signal,
        );
        if (verdict === initialState) return verdict;
        // The verdict's list is authoritative (a streamed check may have been refined).
        this.checks = verdict.checks;
        onVerdict(verdict);
        return verdict;
      },
    });
  }

  run(input: SetupInput): void {
    this.checks = [];
    this.input = input;
    void this.task.run([++this.runs]);
  }

  cancel(): void {
    this.task.abort();
    this.checks = [];
    this.host.requestUpdate();
  }

  /** Forgets the last result (e.g. when the fields were emptied). */
  reset(): void {
    this.checks = [];
    this.input = undefined;
    void this.task.run([++this.runs]);
  }

  get running(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  get verdict(): Verdict | undefined {
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
  }

  /** A bug in the verify pipeline (verify itself reports expected failures as checks). */
  get failure(): unknown {
    return this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
  }

  get blocked(): boolean {
    return this.checks.some((check) => check.status === 'fail');
  }
}
