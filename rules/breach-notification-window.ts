import { defineRule, yaml } from '../src/core/rule.js';
import { durationHours, isProcessor, parseDuration } from '../src/core/facts.js';

interface Options {
  max_hours: number;
  processor_max_hours: number;
}

/** The controller's own deadline for reporting to the ICO (UK GDPR Art 33(1)). */
const ICO_DEADLINE_HOURS = 72;

function hoursText(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return `${rounded} hour${rounded === 1 ? '' : 's'}`;
}
export default defineRule({
  id: 'breach-notification-window',
  meta: {
    title: 'Parties must tell each other about a breach quickly enough for the 72-hour ICO deadline',
    description:
      'Reports a breach clause that gives the parties 72 hours or more to tell each other about a breach (error), more than 24 hours (warning), or no time limit at all.',
    rationale:
      'A controller must report a personal data breach to the ICO within 72 hours of becoming aware of it (UK GDPR Art 33(1)), and a processor must ' +
      'tell its controller without undue delay (Art 33(2)). If one party may take 72 hours or more to tell the others, the controller that owns the ' +
      'report may learn of it after its own deadline has passed. Even 48 hours leaves little time to find out what happened, assess the risk to ' +
      'patients and decide whether to report, so dsalint expects the parties to tell each other within 24 hours (the `max_hours` option).\n\n' +
      'A processor has no 72 hours of its own: it must tell the controller without undue delay, so the window is checked against ' +
      '`processor_max_hours` when a processor is party to the agreement.',
    fix: 'Set `breach.notify_parties_within` to 24 hours or less, such as PT24H (or PT12H where a processor is involved, if you prefer).',
    severity: 'error',
    severityReason:
      'A window of 72 hours or more makes the legal deadline impossible to rely on (error); a longer window than 24 hours makes it hard to meet (warning).',
    area: 'I',
    importance: 430,
    tags: ['breach', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 33(1) and (2)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/33' },
      { instrument: 'ICO: Assessing and reporting breaches', url: 'https://ico.org.uk/for-organisations/accountability-framework/breach-response-and-monitoring/assessing-and-reporting-breaches/' },
    ],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max_hours: {
          type: 'number',
          exclusiveMinimum: 0,
          description: 'The longest time, in hours, the parties may take to tell each other about a breach before a warning.',
          default: 24,
        },
        processor_max_hours: {
          type: 'number',
          exclusiveMinimum: 0,
          description: 'The longest time, in hours, allowed when a processor is party to the agreement (processors must tell the controller without undue delay).',
          default: 24,
        },
      },
    },
    defaultOptions: { max_hours: 24, processor_max_hours: 24 } as Options,
    messages: {
      missing: {
        text: 'The `breach` section does not say how soon a party must tell the others about a breach. Add `notify_parties_within`, such as PT24H.',
        severity: 'warning',
        request: 'Ask {{drafter}} to say how soon a party must tell the others about a data breach (24 hours is usual).',
      },
      'ico-deadline': {
        text: [
          'The parties may take {{hours}} to tell each other about a breach, which leaves no time for the controller to report it to the ICO within ',
          'its own 72-hour deadline. Shorten `notify_parties_within` to {{max}} or less.',
        ],
        request: 'Ask {{drafter}} to shorten the time the parties take to tell each other about a breach from {{hours}} to {{max}} or less, so that the ICO can be told within 72 hours.',
      },
      'over-threshold': {
        text: [
          'The parties may take {{hours}} to tell each other about a breach, leaving little of the controller\'s 72 hours to assess it and report it ',
          'to the ICO. Shorten `notify_parties_within` to {{max}} or less.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} to shorten the time the parties take to tell each other about a breach from {{hours}} to {{max}} or less, so that the ICO can be told within 72 hours.',
      },
      'processor-too-slow': {
        text: [
          'The parties may take {{hours}} to tell each other about a breach, but {{processor}} is a processor, which must tell its controller without ',
          'undue delay. Shorten `notify_parties_within` to {{max}} or less.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} to have {{processor}}, a processor, tell its controller about a breach without delay ({{max}} or less), not within {{hours}}.',
      },
    },
    examples: {
      valid: [{
        title: 'within 24 hours',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
          parties:
            - { id: surgery, name: Example Surgery, role: controller }
          breach:
            notify_parties_within: PT24H
            ico_notification_owner: surgery
            contact: dpo@example-surgery.nhs.uk
        `,
      }],
      invalid: [
        {
          title: 'three days',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, role: controller }
            breach:
              notify_parties_within: P3D
              ico_notification_owner: surgery
              contact: dpo@example-surgery.nhs.uk
          `,
          findings: [{ messageId: 'ico-deadline', at: 'breach.notify_parties_within' }],
        },
        {
          title: 'two days',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, role: controller }
            breach:
              notify_parties_within: PT48H
              ico_notification_owner: surgery
              contact: dpo@example-surgery.nhs.uk
          `,
          findings: [{ messageId: 'over-threshold', at: 'breach.notify_parties_within' }],
        },
      ],
    },
  },
  check({ agreement: a, options, report }) {
    const breach = a.breach;
    if (!breach) return; // breach-clause-missing reports the absent section.
    if (breach.notify_parties_within === undefined) {
      report({ messageId: 'missing', at: ['breach', 'notify_parties_within'] });
      return;
    }
    const parsed = parseDuration(breach.notify_parties_within);
    if (!parsed) return;
    const hours = durationHours(parsed);
    const at = ['breach', 'notify_parties_within'] as const;
    const processor = (a.parties ?? []).find(isProcessor);
    if (hours >= ICO_DEADLINE_HOURS) {
      report({ messageId: 'ico-deadline', data: { hours: hoursText(hours), max: hoursText(Math.min(options.max_hours, processor ? options.processor_max_hours : Infinity)) }, at });
    } else if (processor && hours > options.processor_max_hours) {
      report({ messageId: 'processor-too-slow', data: { hours: hoursText(hours), processor: processor.name, max: hoursText(options.processor_max_hours) }, at });
    } else if (hours > options.max_hours) {
      report({ messageId: 'over-threshold', data: { hours: hoursText(hours), max: hoursText(options.max_hours) }, at });
    }
  },
});
