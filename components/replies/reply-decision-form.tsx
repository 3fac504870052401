'use client';

import { ReasonDecisionForm } from '@/components/moderation/decision-form';
import { decideReplyAction } from '@/lib/replies/actions';
import {
  REPLY_CONFIDENCE_RULE,
  REPLY_DECISION_LABELS,
  REPLY_DECISION_REASON_OPTIONS,
  REPLY_DECISIONS,
  replyReasonsFor,
  type ReplyDecision,
} from '@/lib/replies/reasons';

/** Publish or remove one held reply, with a reason. Works without JavaScript. */
export function ReplyDecisionForm({ replyId, seen }: { replyId: number; seen: string }) {
  return (
    <ReasonDecisionForm<ReplyDecision>
      prefix={`reply-decision-${replyId}`}
      action={decideReplyAction}
      hidden={{ replyId, seen }}
      choiceName="decision"
      choiceLegend={`Decision on reply ${replyId}`}
      choices={REPLY_DECISIONS}
      labels={REPLY_DECISION_LABELS}
      reasons={REPLY_DECISION_REASON_OPTIONS}
      reasonsFor={replyReasonsFor}
      reasonHint={`Publish only a reply that keeps the client’s confidence. ${REPLY_CONFIDENCE_RULE}`}
      submitLabel="Record the decision"
    />
  );
}
