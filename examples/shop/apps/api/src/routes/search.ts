import { Router } from 'express';
import Statsig from 'statsig-node';
import { Experiment } from '@shop/flags';
import { config } from '../config';
import { posthog } from '../lib/posthog';
import { searchIndex } from '../services/search';
import type { User } from '../types';

export const searchRouter = Router();

searchRouter.get('/search', async (req, res) => {
  const user = req.user as User;
  const query = String(req.query.q ?? '');

  if (config.featureToggles.instantSearch && query.length < 3) {
    res.json(await searchIndex.suggest(query));
    return;
  }

  const rankingV3 = await posthog.isFeatureEnabled(Experiment.SearchRankingV3, user.id);
  const legacy = await Statsig.checkGate({ userID: user.id, email: user.email }, 'legacy-search');

  res.json(
    await searchIndex.query(query, {
      ranking: rankingV3 ? 'v3' : 'v2',
      engine: legacy ? 'solr' : 'typesense',
    }),
  );
});
