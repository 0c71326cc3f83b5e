import { removeWitnessOperation } from '@/lib/actions/operations';
import { rowWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; id: string }> };

/**
 * DELETE /api/v1/orgs/{slug}/witnesses/{id}: removes a witness (an admin's write token), as the settings form does: its
 * past cosignatures stay stored, no longer served; logged. 404 `witness.not_registered` for no such registered witness.
 */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return rowWrite(request, params, 'witnessId', removeWitnessOperation, () => ({ ok: true, witness: { id: params.id, removed: true } }));
}
