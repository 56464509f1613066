import sluice from '@sluice/eslint-config';

export default sluice;
