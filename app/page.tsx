import Link from "next/link";
import type { ReactNode } from "react";
import { TrackExcerpt } from "@/components/landing/track-excerpt";
import { buttonStyles } from "@/components/ui/button";

const steps = [
  {
    title: "Write or import a track",
    body: "Paste the indented checklist your team already keeps, such as a Python backend roadmap with hundreds of items, and Cairn turns it into sections and items. Mark parts optional, require evidence where it matters, then publish a version that will not change under anyone's feet.",
  },
  {
    title: "Assign it to a new hire",
    body: "Choose the hire, their mentors and a due date. Skip the branches that do not apply: where the roadmap says to pick one primary framework, you pick it once for them.",
  },
  {
    title: "They work through it, with evidence",
    body: "The hire marks items in progress or done, or not applicable with a reason. For items that need proof they attach a pull-request link, a note or a file.",
  },
  {
    title: "Mentors review and follow along",
    body: "Mentors approve the evidence or ask for changes, and talk it over with the hire in each item's thread. Their dashboard updates the moment something lands.",
  },
];

const roles = [
  {
    name: "Owner",
    body: "Everything an admin can do, plus organization settings, granting or removing ownership, and deleting the organization.",
  },
  {
    name: "Admin",
    body: "The engineering manager: invites and removes members, sets roles, creates and publishes tracks, assigns them, and sees every dashboard.",
  },
  {
    name: "Mentor",
    body: "Reviews the evidence of the hires they mentor, comments, and watches their progress. Mentors can be assigned tracks too.",
  },
  {
    name: "Member",
    body: "The new hire: sees their own assignments, logs progress, submits evidence and answers reviews in each item's thread.",
  },
];

export default function HomePage() {
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-20 px-4 py-12 sm:gap-24 sm:px-6 sm:py-20">
      <section aria-labelledby="intro" className="grid items-center gap-10 lg:grid-cols-[1.1fr_1fr]">
        <div className="flex flex-col gap-6">
          <p className="text-sm font-semibold tracking-wide text-link uppercase">
            Onboarding for engineering teams
          </p>
          <h1 id="intro" className="text-4xl font-bold tracking-tight text-balance sm:text-5xl">
            Cairn marks the trail for every new engineer
          </h1>
          <p className="max-w-xl text-lg text-pretty text-muted-foreground">
            Give a new hire a track: the whole checklist of what your team expects them to know.
            They show their work as they go, mentors review it, and you can see where everyone is
            without asking.
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <Link href="/sign-up" className={buttonStyles({ size: "lg" })}>
              Create account
            </Link>
            <Link href="/sign-in" className={buttonStyles({ variant: "secondary", size: "lg" })}>
              Sign in
            </Link>
          </div>
        </div>
        <TrackExcerpt />
      </section>

      <section aria-labelledby="how-it-works" className="flex flex-col gap-8">
        <SectionHeading id="how-it-works" title="How it works">
          From a checklist on a wiki page to onboarding you can follow, in four steps.
        </SectionHeading>
        <ol className="grid gap-4 sm:grid-cols-2">
          {steps.map((step, index) => (
            <li key={step.title} className="flex gap-4 rounded-xl border border-border bg-surface p-5">
              <span
                aria-hidden="true"
                className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary text-sm font-semibold text-on-primary"
              >
                {index + 1}
              </span>
              <div className="flex flex-col gap-1.5">
                <h3 className="font-semibold">{step.title}</h3>
                <p className="text-sm text-muted-foreground">{step.body}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="details" className="flex flex-col gap-8">
        <SectionHeading id="details" title="What you get">
          The parts a manager and a mentor rely on once the first week is over.
        </SectionHeading>
        <div className="grid gap-x-10 gap-y-8 md:grid-cols-2">
          <Feature title="Tracks that can change without losing anyone's progress">
            A track is a tree of sections and items, each with an optional description and
            resources. Published versions are fixed, and every item keeps a stable key, so when you
            publish a better version, a hire moves onto it and keeps their progress. Percentages count only the items
            that apply to the hire: skipped branches and items marked not applicable never count
            against them.
          </Feature>
          <Feature title="Evidence, reviewed by a person">
            A checked box says little. For the items you choose, the hire submits a pull-request
            link, a note or a file, and a mentor approves it or asks for changes. Every
            resubmission is a new attempt, so the history of what was asked and what changed stays
            with the item.
          </Feature>
          <Feature title="A live dashboard for mentors">
            Mentors see their hires&apos; progress and the evidence waiting for review as it happens,
            without refreshing. A browser that loses its connection catches up on everything it
            missed when it reconnects, so the numbers on screen are never quietly out of date.
          </Feature>
          <Feature title="An API for everything the interface does">
            The web app uses the same REST API you can call from scripts and other tools, scoped to
            one organization per request, with cursor pagination and safe retries for writes. It is
            described by an OpenAPI document.
            <Link
              href="/docs/api"
              className="mt-2 block font-medium text-link underline underline-offset-4 hover:no-underline"
            >
              Read the API reference
            </Link>
          </Feature>
        </div>
      </section>

      <section aria-labelledby="organizations" className="flex flex-col gap-8">
        <SectionHeading id="organizations" title="Organizations and roles">
          Each team works in its own organization. People can belong to several, with a different
          role in each, and join through single-use email invitations that expire. Nothing from one
          organization is visible from another.
        </SectionHeading>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {roles.map((role) => (
            <div key={role.name} className="flex flex-col gap-1.5 rounded-xl border border-border bg-surface p-5">
              <dt className="font-semibold">{role.name}</dt>
              <dd className="text-sm text-muted-foreground">{role.body}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section
        aria-labelledby="get-started"
        className="flex flex-col items-start gap-5 rounded-2xl border border-border bg-surface-muted p-8 sm:p-10"
      >
        <h2 id="get-started" className="text-2xl font-bold tracking-tight sm:text-3xl">
          Set up your first track
        </h2>
        <p className="max-w-2xl text-muted-foreground">
          Create an account, start an organization, and bring in the checklist you already have.
          Your next hire can begin on day one.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/sign-up" className={buttonStyles({ size: "lg" })}>
            Create account
          </Link>
          <Link href="/docs/api" className={buttonStyles({ variant: "secondary", size: "lg" })}>
            Read the API reference
          </Link>
        </div>
      </section>
    </div>
  );
}

function SectionHeading({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <div className="flex max-w-3xl flex-col gap-3">
      <h2 id={id} className="text-2xl font-bold tracking-tight sm:text-3xl">
        {title}
      </h2>
      <p className="text-muted-foreground">{children}</p>
    </div>
  );
}

function Feature({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-lg font-semibold">{title}</h3>
      <div className="text-muted-foreground">{children}</div>
    </div>
  );
}
