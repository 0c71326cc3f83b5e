export { RuleRefusal } from '@/lib/governance/refusal';
